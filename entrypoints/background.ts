export default defineBackground(() => {
  // Nothing runs at start-up: the content script and the pages do their own work, and the service
  // worker wakes only for events.
  browser.runtime.onInstalled.addListener(() => {
    console.info('Tifa Lens installed');
  });
});
