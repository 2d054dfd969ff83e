import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sites_header_menu\` ADD \`page_id\` integer REFERENCES pages(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`sites_header_menu_page_idx\` ON \`sites_header_menu\` (\`page_id\`);`)
  await db.run(sql`ALTER TABLE \`sites_footer_menu\` ADD \`page_id\` integer REFERENCES pages(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`sites_footer_menu_page_idx\` ON \`sites_footer_menu\` (\`page_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_sites_header_menu\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_sites_header_menu\`("_order", "_parent_id", "id", "url") SELECT "_order", "_parent_id", "id", "url" FROM \`sites_header_menu\`;`,
  )
  await db.run(sql`DROP TABLE \`sites_header_menu\`;`)
  await db.run(sql`ALTER TABLE \`__new_sites_header_menu\` RENAME TO \`sites_header_menu\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`sites_header_menu_order_idx\` ON \`sites_header_menu\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sites_header_menu_parent_id_idx\` ON \`sites_header_menu\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_sites_footer_menu\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_sites_footer_menu\`("_order", "_parent_id", "id", "url") SELECT "_order", "_parent_id", "id", "url" FROM \`sites_footer_menu\`;`,
  )
  await db.run(sql`DROP TABLE \`sites_footer_menu\`;`)
  await db.run(sql`ALTER TABLE \`__new_sites_footer_menu\` RENAME TO \`sites_footer_menu\`;`)
  await db.run(sql`CREATE INDEX \`sites_footer_menu_order_idx\` ON \`sites_footer_menu\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sites_footer_menu_parent_id_idx\` ON \`sites_footer_menu\` (\`_parent_id\`);`)
}
