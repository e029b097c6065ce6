// Jest does not load stylesheets; imports of *.css resolve here.
export {};
