import { render } from 'preact';

render(<main>Tactful practice</main>, document.getElementById('app')!);
