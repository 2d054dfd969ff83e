// Maximum lengths of the texts readers see, in one place: long enough for any
// real title, short enough that a pasted article cannot become a heading.
export const MAX_LENGTH = {
  title: 160,
  excerpt: 400,
  slug: 96,
  alt: 250,
  caption: 300,
  name: 160,
} as const
