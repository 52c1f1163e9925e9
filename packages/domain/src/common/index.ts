export { NAME_MAX_LENGTH, validateName } from './name-limit';
export * from './day-range';
