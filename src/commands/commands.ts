// The ribbon's function file: every button opens the task pane (ShowTaskpane), so nothing runs here;
// Office still needs the page to load and to call onReady.
if (typeof Office !== 'undefined') void Office.onReady();
