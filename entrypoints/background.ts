export default defineBackground(() => {
  // First install: open the practice page so a new user sees Tactful coach a draft right away.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') });
  });
});
