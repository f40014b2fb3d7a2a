/** The values of the elements' `theme` attribute (their colours: `palettes.ts`). */
export const themes = ['nhs', 'govuk', 'charity', 'dark', 'auto'] as const;

/** Whether a `theme` value needs the ready themes' colours (`nhs` is the default, built in). */
export const themed = (theme: string | undefined): boolean => !!theme?.replace(/\bnhs\b/g, '').trim();
