import { checkLength } from '../../src/domain/text-limits.ts';

describe('telling someone how long their text is', () => {
  test('says nothing until the limit is near, then counts, then says by how much it is over', () => {
    expect(checkLength('a'.repeat(799), 1000)).toEqual({});
    expect(checkLength('a'.repeat(800), 1000)).toEqual({ count: '800 of 1,000 characters' });
    expect(checkLength('a'.repeat(1000), 1000).over).toBeUndefined();
    expect(checkLength('a'.repeat(1001), 1000)).toEqual({
      count: '1,001 of 1,000 characters',
      over: 'This holds 1,000 characters: shorten it by 1',
    });
  });
});
