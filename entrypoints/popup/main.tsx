import { render } from 'preact';

render(<main>LETRS License Tracker</main>, document.getElementById('app')!);
