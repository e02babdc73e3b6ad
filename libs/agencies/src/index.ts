export * from './agency';
export { AgencyCatalogue, AgencyCatalogueError, withContacts } from './agency-catalogue';
export { normalizeVietnamese } from './normalize-vietnamese';
export { tokenizeVietnamese } from './vietnamese-tokenizer';
export type { TokenStream } from './vietnamese-tokenizer';
export * from './agency-catalogue';
export * from './normalize-vietnamese';
export { parseCsv, parseUnitRows, parentsFirst } from './unit-file';
export type { UnitFile, UnitRecord } from './unit-file';
