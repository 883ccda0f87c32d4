import { readFileSync } from 'node:fs';
import { checkTemplate } from '../../src/cli/infra-check.ts';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../infra/${file}`, import.meta.url), 'utf8'));
type Template = { resources: Record<string, unknown>[]; parameters: Record<string, unknown>; variables: object };

describe('infra/ checked offline', () => {
  test('the committed template and parameters have no problems', () => {
    expect(checkTemplate(read('azure.json'), read('azure.parameters.json'))).toEqual([]);
  });

  test('it holds what a school relies on: Node 24, Always On, the health check, UK South, no bot secret', () => {
    const template = read('azure.json') as Template & { parameters: { location: { defaultValue: string } } };
    const site = template.resources.find((r) => r.type === 'Microsoft.Web/sites') as {
      properties: {
        httpsOnly: boolean;
        siteConfig: { linuxFxVersion: string; alwaysOn: boolean; healthCheckPath: string };
      };
    };
    expect(site.properties.siteConfig).toMatchObject({
      linuxFxVersion: 'NODE|24-lts',
      alwaysOn: true,
      healthCheckPath: '/readyz',
    });
    expect(site.properties.httpsOnly).toBe(true);
    expect(template.parameters.location.defaultValue).toBe('uksouth');
    const bot = template.resources.find((r) => r.type === 'Microsoft.BotService/botServices') as {
      properties: Record<string, string>;
    };
    expect(bot.properties.msaAppType).toBe('UserAssignedMSI');
    expect(JSON.stringify(template)).not.toMatch(/password|clientSecret/i);
    const vault = template.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults') as {
      properties: { enableRbacAuthorization: boolean };
    };
    expect(vault.properties.enableRbacAuthorization).toBe(true);
  });

  test('a broken template is refused with each problem named', () => {
    const template = read('azure.json') as Template;
    const site = template.resources.find((r) => r.type === 'Microsoft.Web/sites')!;
    site.apiVersion = 'latest';
    site.dependsOn = ["[resourceId('Microsoft.Sql/servers', 'nowhere')]"];
    template.variables = { ...template.variables, broken: "[parameters('nonesuch')]" };
    const problems = checkTemplate(template, read('azure.parameters.json'));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/apiVersion: expected an API version date/)]),
    );
    const fixed = {
      ...template,
      resources: template.resources.map((r) => (r === site ? { ...r, apiVersion: '2023-12-01' } : r)),
    };
    expect(checkTemplate(fixed, read('azure.parameters.json'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/depends on something not declared: \[resourceId\('Microsoft.Sql\/servers'/),
        expect.stringMatching(/no parameter named "nonesuch"/),
      ]),
    );
  });

  test('the parameters file must fill every parameter without a default, and nothing else', () => {
    const parameters = read('azure.parameters.json') as { parameters: Record<string, unknown> };
    delete parameters.parameters.apiClientId;
    parameters.parameters.colour = { value: 'blue' };
    expect(checkTemplate(read('azure.json'), parameters)).toEqual([
      'azure.parameters.json: "colour" is not a template parameter',
      'azure.parameters.json: "apiClientId" has no default and is not given',
    ]);
  });
});
