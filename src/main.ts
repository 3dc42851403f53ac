// Placeholder entry from the build/CI setup; the app's composition root replaces it.
document.documentElement.dataset.ready = '1';
