import * as migration_20261129_170200_initial from './20261129_170200_initial';

export const migrations = [
  {
    up: migration_20261129_170200_initial.up,
    down: migration_20261129_170200_initial.down,
    name: '20261129_170200_initial'
  },
];
