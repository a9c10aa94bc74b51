// content/theme.js is generated when the extension is assembled (extension/build/content-theme.js):
// shared/theme.css's palette and type scale for the content scripts' shadow roots.
declare const RoleHopTheme: Readonly<{ css: string }>;
