// opencc-js ships its dictionaries as modules without types: each is one string of entries `traditional simplified…`
// parted by `|`.
declare module 'opencc-js/dict/TSCharacters' {
  const entries: string;
  export default entries;
}

declare module 'opencc-js/dict/TSPhrases' {
  const entries: string;
  export default entries;
}
