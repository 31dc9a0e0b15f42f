import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** Entry for the TypeORM CLI, as the owner: `npm run migration:revert | migration:generate`. */
export default new DataSource(
  dataSourceOptions(validateEnvironment(process.env, { verifiesTokens: false }).DATABASE_OWNER_URL),
);
