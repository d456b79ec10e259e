import { installRegistry } from '../modules/registry.js';

// Setup file of the server test project (vitest.config.ts): every test file starts, as the app and the scripts do, with
// the registry handed to the platform services (docs/adr/007-module-contract.md). Tests that call module code without
// building the app (backup, documents, jobs, retention engine) need it; `buildApp` installs the same list again.
installRegistry();
