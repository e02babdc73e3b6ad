export * from './agency-directory';
export * from './agency-commands';
export * from './agency-commands.handler';
