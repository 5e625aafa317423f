import '../../components/theme.css';
import { startPopup } from '../../components/popup/popup-start';
import { markPageLanguage, t } from '../../utils/i18n';

// The page is asked for first; the UI (Svelte and the components) loads while the worker reads it.
const started = startPopup(location.search);
document.title = t('extName');
markPageLanguage(document);
const target = document.getElementById('app');
if (target) void import('../../components/popup/mount-popup').then(({ mountPopup }) => mountPopup(target, started));
