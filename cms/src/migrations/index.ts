import * as migration_20261129_173850_initial from './20261129_173850_initial'
import * as migration_20261129_183400_news_list_indexes from './20261129_183400_news_list_indexes'
import * as migration_20261130_134036_publications from './20261130_134036_publications'
import * as migration_20261130_163434_audit_log from './20261130_163434_audit_log'
import * as migration_20261130_165701_ids_never_reused from './20261130_165701_ids_never_reused'

export const migrations = [
  {
    up: migration_20261129_173850_initial.up,
    down: migration_20261129_173850_initial.down,
    name: '20261129_173850_initial',
  },
  {
    up: migration_20261129_183400_news_list_indexes.up,
    down: migration_20261129_183400_news_list_indexes.down,
    name: '20261129_183400_news_list_indexes',
  },
  {
    up: migration_20261130_134036_publications.up,
    down: migration_20261130_134036_publications.down,
    name: '20261130_134036_publications',
  },
  {
    up: migration_20261130_163434_audit_log.up,
    down: migration_20261130_163434_audit_log.down,
    name: '20261130_163434_audit_log',
  },
  {
    up: migration_20261130_165701_ids_never_reused.up,
    down: migration_20261130_165701_ids_never_reused.down,
    name: '20261130_165701_ids_never_reused',
  },
]
