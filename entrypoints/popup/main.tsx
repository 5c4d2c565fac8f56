/**
 * Popup entrypoint: opens the cache, wires browser actions, renders. The views live in
 * components/popup. The browser API (and its polyfill) is loaded on the first click that needs
 * it, to keep what the popup loads before it shows anything small.
 */
import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { LicenseDatabase } from '../../lib/db';
import { downloadFile } from '../../lib/download';
import '../../components/shared/theme.css';
import './style.css';

const db = new LicenseDatabase();
const extension = () => Promise.all([import('wxt/browser'), import('../../components/shared/extension-actions')]);

render(
  <PopupApp
    db={db}
    storage={localStorage}
    actions={{
      openLicensesPage: async (url) => {
        const [{ browser }, { openLicensesPage }] = await extension();
        await openLicensesPage(browser, url);
      },
      openOptions: async () => {
        const [{ browser }] = await extension();
        await browser.runtime.openOptionsPage();
      },
      download: (file) => downloadFile(document, file),
    }}
    onRetry={() => location.reload()}
  />,
  document.getElementById('app')!,
);
