/** Popup entrypoint: opens the cache, wires browser actions, renders. The views live in components/popup. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { openLicensesPage } from '../../components/shared/extension-actions';
import { LicenseDatabase } from '../../lib/db';
import { downloadFile } from '../../lib/download';
import '../../components/shared/theme.css';
import './style.css';

const db = new LicenseDatabase();

render(
  <PopupApp
    db={db}
    actions={{
      openLicensesPage: (url) => openLicensesPage(browser, url),
      openOptions: () => browser.runtime.openOptionsPage(),
      download: (file) => downloadFile(document, file),
    }}
    onRetry={() => location.reload()}
  />,
  document.getElementById('app')!,
);
