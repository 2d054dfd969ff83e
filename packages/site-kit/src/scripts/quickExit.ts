// Quick exit, after GOV.UK's "Exit this page": hide the page at once, then
// replace this history entry with the neutral page so Back cannot reopen it.
// Without JavaScript the link still works as a plain link (see QuickExit.astro).
export {} // a module, so its names never clash with globals such as window.status

const LEAVING = 'quick-exit-leaving'
const PRESSES = 3
const WITHIN_MS = 5000

const link = document.querySelector<HTMLAnchorElement>('[data-quick-exit]')
const status = document.querySelector<HTMLElement>('[data-quick-exit-status]')
const hint = document.querySelector<HTMLElement>('[data-quick-exit-hint]')

if (link && status) {
  const root = document.documentElement
  const say = (text = '') => (status.textContent = text)
  const leave = (event?: Event) => {
    event?.preventDefault()
    // Hidden first (a class, since the CSP forbids inline styles), then gone.
    root.classList.add(LEAVING)
    say(status.dataset.leaving)
    location.replace(link.href)
  }
  link.addEventListener('click', leave)
  // The shortcut only exists with JavaScript, so only now is it described.
  if (hint?.dataset.keys) hint.append(` ${hint.dataset.keys}`)

  // Shift alone, three times, each within 5 s of the previous. Counted on
  // release, and only if no other key went down meanwhile, so typing capitals
  // (Shift+A) resets the count instead of leaving the site.
  let presses = 0
  let last = 0
  let alone = false
  addEventListener('keydown', (event) => {
    if (event.key === 'Shift') {
      if (!event.repeat) alone = true
    } else {
      alone = false
      presses = 0
    }
  })
  addEventListener('keyup', (event) => {
    if (event.key !== 'Shift' || !alone) return
    const now = Date.now()
    presses = now - last <= WITHIN_MS ? presses + 1 : 1
    last = now
    if (presses >= PRESSES) leave()
    else say(status.dataset.pressesLeft?.replace('{n}', String(PRESSES - presses)))
  })

  // A page restored by the back/forward cache comes back as it was left
  // (hidden): show it again so Back lands on a usable page.
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    root.classList.remove(LEAVING)
    presses = 0
    say()
  })
}
