import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version_updatedAt_idx\` ON \`_news_v\` (\`latest\`,\`version_updated_at\`,\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version_createdAt_idx\` ON \`_news_v\` (\`latest\`,\`version_created_at\`,\`created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_news_v_latest_version__status_idx\` ON \`_news_v\` (\`latest\`,\`version__status\`,\`created_at\`);`)
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version__status_asc_idx\` ON \`_news_v\` (\`latest\`,\`version__status\`,"created_at" desc);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version_originSite_idx\` ON \`_news_v\` (\`latest\`,\`version_origin_site_id\`,\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version_originSite_asc_idx\` ON \`_news_v\` (\`latest\`,\`version_origin_site_id\`,"created_at" desc);`,
  )
  await db.run(
    sql`CREATE INDEX \`_pages_v_latest_version_updatedAt_idx\` ON \`_pages_v\` (\`latest\`,\`version_updated_at\`,\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_pages_v_latest_version_createdAt_idx\` ON \`_pages_v\` (\`latest\`,\`version_created_at\`,\`created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_pages_v_latest_version__status_idx\` ON \`_pages_v\` (\`latest\`,\`version__status\`,\`created_at\`);`)
  await db.run(
    sql`CREATE INDEX \`_pages_v_latest_version__status_asc_idx\` ON \`_pages_v\` (\`latest\`,\`version__status\`,"created_at" desc);`,
  )
  await db.run(sql`CREATE INDEX \`_pages_v_latest_version_site_idx\` ON \`_pages_v\` (\`latest\`,\`version_site_id\`,\`created_at\`);`)
  await db.run(
    sql`CREATE INDEX \`_pages_v_latest_version_site_asc_idx\` ON \`_pages_v\` (\`latest\`,\`version_site_id\`,"created_at" desc);`,
  )
  await db.run(sql`CREATE INDEX \`_pages_v_latest_version_path_idx\` ON \`_pages_v\` (\`latest\`,\`version_path\`,\`created_at\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_news_v_latest_version_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version__status_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version__status_asc_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version_originSite_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version_originSite_asc_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version__status_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version__status_asc_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version_site_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version_site_asc_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_version_path_idx\`;`)
}
