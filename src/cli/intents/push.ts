export { push as main } from './remote';
