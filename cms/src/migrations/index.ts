import * as migration_20261129_173850_initial from './20261129_173850_initial'
import * as migration_20261129_183400_news_list_indexes from './20261129_183400_news_list_indexes'
import * as migration_20261130_134036_publications from './20261130_134036_publications'
import * as migration_20261130_163434_audit_log from './20261130_163434_audit_log'
import * as migration_20261130_165701_ids_never_reused from './20261130_165701_ids_never_reused'
import * as migration_20261130_190606_decision_reason from './20261130_190606_decision_reason'
import * as migration_20261130_190640_media_storage_fields from './20261130_190640_media_storage_fields'
import * as migration_20261130_191653_resource_outdated from './20261130_191653_resource_outdated'
import * as migration_20261130_192713_locale_parent_indexes from './20261130_192713_locale_parent_indexes'
import * as migration_20261130_193550_menu_pages from './20261130_193550_menu_pages'
import * as migration_20261130_205219_has_english from './20261130_205219_has_english'
import * as migration_20261130_225243_version_list_indexes from './20261130_225243_version_list_indexes'
import * as migration_20261202_142926_version_sort_indexes from './20261202_142926_version_sort_indexes'
import * as migration_20261203_065258_reader_sites from './20261203_065258_reader_sites'

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
  {
    up: migration_20261130_190606_decision_reason.up,
    down: migration_20261130_190606_decision_reason.down,
    name: '20261130_190606_decision_reason',
  },
  {
    up: migration_20261130_190640_media_storage_fields.up,
    down: migration_20261130_190640_media_storage_fields.down,
    name: '20261130_190640_media_storage_fields',
  },
  {
    up: migration_20261130_191653_resource_outdated.up,
    down: migration_20261130_191653_resource_outdated.down,
    name: '20261130_191653_resource_outdated',
  },
  {
    up: migration_20261130_192713_locale_parent_indexes.up,
    down: migration_20261130_192713_locale_parent_indexes.down,
    name: '20261130_192713_locale_parent_indexes',
  },
  {
    up: migration_20261130_193550_menu_pages.up,
    down: migration_20261130_193550_menu_pages.down,
    name: '20261130_193550_menu_pages',
  },
  {
    up: migration_20261130_205219_has_english.up,
    down: migration_20261130_205219_has_english.down,
    name: '20261130_205219_has_english',
  },
  {
    up: migration_20261130_225243_version_list_indexes.up,
    down: migration_20261130_225243_version_list_indexes.down,
    name: '20261130_225243_version_list_indexes',
  },
  {
    up: migration_20261202_142926_version_sort_indexes.up,
    down: migration_20261202_142926_version_sort_indexes.down,
    name: '20261202_142926_version_sort_indexes',
  },
  {
    up: migration_20261203_065258_reader_sites.up,
    down: migration_20261203_065258_reader_sites.down,
    name: '20261203_065258_reader_sites',
  },
]
