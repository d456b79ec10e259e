export * from './engine.js';
export * from './appointment.js';
