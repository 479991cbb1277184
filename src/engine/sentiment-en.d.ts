// The English language module of the sentiment package (AFINN-165 plus its emoji), which
// @types/sentiment does not declare. Read only: see sentimentLanguage in linter.ts.
declare module 'sentiment/languages/en/index.js' {
  import type Sentiment from 'sentiment';
  const english: Required<Sentiment.LanguageModule>;
  export default english;
}
