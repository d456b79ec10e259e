export * from './dto.js';
export * from './notification.js';
export * from './policy.js';
export * from './sanction.js';
export * from './schemas.js';
export * from './workflow.js';
