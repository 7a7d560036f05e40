// What the server hands the palette: the actions the person's role may run, each with its optional shortcut
// ("g d": press g, then d), and every label already translated.

export type PaletteAction = {
  id: string;
  label: string;
  href: string;
  group: 'go' | 'create';
  keys?: [string, string];
};

export type PaletteLabels = {
  search: string;
  placeholder: string;
  dialogTitle: string;
  goGroup: string;
  createGroup: string;
  casesGroup: string;
  clientsGroup: string;
  loading: string;
  noResults: string;
  typeMore: string;
  failed: string;
  dvz: string;
  rvv: string;
  shortcutsTitle: string;
  shortcutsIntro: string;
  shortcutOpenPalette: string;
  shortcutShowHelp: string;
  then: string;
  close: string;
};
