import { mount } from 'svelte';
import ClipPopup from '../../components/popup/clip-popup.svelte';
import '../../components/theme.css';
import { t } from '../../utils/i18n';

const target = document.getElementById('app');
document.title = t('extName');
if (target) mount(ClipPopup, { target });
