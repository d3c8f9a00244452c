// Kept for modules that only need the path test; every read goes through read-inside.ts (#8).
export { isInside } from './read-inside.js';
