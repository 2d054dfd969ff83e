import * as migration_20261129_173850_initial from './20261129_173850_initial';

export const migrations = [
  {
    up: migration_20261129_173850_initial.up,
    down: migration_20261129_173850_initial.down,
    name: '20261129_173850_initial'
  },
];
