export * from './vocabulary.js';
export * from './field-catalogue.js';
export * from './register.js';
