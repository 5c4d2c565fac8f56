/** Options entrypoint: opens the cache, wires browser APIs into the actions, renders. Views live in components/options. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createOptionsActions } from '../../components/options/options-actions';
import { LicenseDatabase } from '../../lib/db';
import { downloadFile } from '../../lib/download';
import '../../components/shared/theme.css';
import './style.css';

const db = new LicenseDatabase();
const actions = createOptionsActions({
  db,
  runtime: browser.runtime,
  permissions: browser.permissions,
  download: (file) => downloadFile(document, file),
  storage: localStorage,
});

render(<OptionsApp db={db} actions={actions} />, document.getElementById('app')!);
