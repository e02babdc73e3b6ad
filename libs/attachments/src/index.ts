export * from './attachment';
export * from './attachment-store.port';
export * from './attachment-uploads';
export * from './file-attachment-store';
export * from './postgres-attachment-store';
export * from './task-attachments';
