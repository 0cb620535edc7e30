export { pull as main } from './remote';
