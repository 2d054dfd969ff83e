import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`news_locales_parent_idx\` ON \`news_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_locales_parent_idx\` ON \`_news_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_locales_parent_idx\` ON \`pages_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_locales_parent_idx\` ON \`_pages_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_locales_parent_idx\` ON \`media_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`categories_locales_parent_idx\` ON \`categories_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`resources_locales_parent_idx\` ON \`resources_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_help_lines_locales_parent_idx\` ON \`sites_help_lines_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_header_menu_locales_parent_idx\` ON \`sites_header_menu_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_footer_menu_locales_parent_idx\` ON \`sites_footer_menu_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_locales_parent_idx\` ON \`sites_locales\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`pages_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`media_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`categories_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`resources_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`sites_help_lines_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`sites_header_menu_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`sites_footer_menu_locales_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`sites_locales_parent_idx\`;`)
}
