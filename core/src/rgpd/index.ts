export * from './vocabulary.js';
export * from './field-catalogue.js';
export * from './register.js';
export * from '../policy/rgpd.js';
export * from './retention.js';
