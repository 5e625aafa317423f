/**
 * The web pages "Add all tabs in this window" reads: optional host permissions in both builds, asked for at first
 * use (issue 17 §3). Its own module so the build config can import it without the extension's runtime.
 */
export const TABS_ORIGINS = ['http://*/*', 'https://*/*'];
