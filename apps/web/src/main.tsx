import { render } from 'preact';
import { App } from './app';
import { syncServerClock } from './lib/server-clock';
import './styles.css';

const root = document.getElementById('app')!;
render(<App />, root);
// The first paint does not wait for the clock; colours are redrawn if the server's day differs.
void syncServerClock().then((differs) => differs && render(<App />, root));
