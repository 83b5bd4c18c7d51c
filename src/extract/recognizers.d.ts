/**
 * The English number recogniser is imported from the package's ES module build by path: its `browser`
 * build is a script (no exports) that bundlers cannot import. The types are the package's own.
 */
declare module '@microsoft/recognizers-text-number/dist/recognizers-text-number.es5.js' {
  export * from '@microsoft/recognizers-text-number';
}
