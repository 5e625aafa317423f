import { mount } from 'svelte';
import OptionsPage from '../../components/options/options-page.svelte';
import '../../components/theme.css';
import { markPageLanguage, t } from '../../utils/i18n';

const target = document.getElementById('app');
document.title = t('optionsTitle');
markPageLanguage(document);
if (target) mount(OptionsPage, { target });
