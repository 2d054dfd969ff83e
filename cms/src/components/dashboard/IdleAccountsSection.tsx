// Network administration: accounts with neither a site nor a network role.
import type { PayloadRequest } from 'payload'
import { accountsWithoutSite } from './accountsWithoutSite'
import { load } from './load'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { type Language } from '../when'
import { styles } from './styles'

export async function IdleAccountsSection({ req, language }: { req: PayloadRequest; language: Language }) {
  const t = stringsFor(language)
  const accounts = await load(req, 'comptes sans accès', () => accountsWithoutSite(req))
  return (
    <Section id="cles-dashboard-accounts" title={t.accountsTitle}>
      {accounts === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : accounts.length === 0 ? (
        <Empty>{t.accountsNone}</Empty>
      ) : (
        <>
          <p style={styles.empty}>{t.accountsIntro}</p>
          <ul style={styles.list}>
            {accounts.map((account) => (
              <li key={account.id} style={styles.item} data-idle-account={account.id}>
                <a href={adminPath(req, `/collections/users/${account.id}`)} style={styles.itemTitle}>
                  {account.name ? `${account.name} (${account.email})` : account.email}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}
