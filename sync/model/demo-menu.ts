/**
 * The demo store's menu: a burger with a required doneness and optional priced extras, a
 * drink in sizes, sweets sold by weight, food at a reduced rate and alcohol at the standard rate;
 * a chicken sandwich with a nested choice (Add a side → Side salad → Dressing), a Burger Meal
 * combo (main, side, drink with upcharges, dearer online), a breakfast muffin served until
 * 11:00, allergens and dietary tags. Used by the demo, the cloud's seed and the tests, so all
 * three agree. Extend it; never rename an id (tests name them).
 */
import type { CategoryId, ItemId, ModifierGroupId, ModifierOptionId, StationId, TaxRateId } from './ids';
import type { Menu } from './menu';
import type { ComboSlotId } from './menu-combos';
import type { DaypartId } from './menu-dayparts';
import { cents } from './money';

const id = <T extends string>(value: string): T => value as T;

export const DEMO = {
  taxFood: id<TaxRateId>('tax-food'),
  taxStandard: id<TaxRateId>('tax-standard'),
  grill: id<StationId>('grill'),
  fry: id<StationId>('fry'),
  drinks: id<StationId>('drinks'),
  burger: id<ItemId>('item-burger'),
  cheeseburger: id<ItemId>('item-cheeseburger'),
  fries: id<ItemId>('item-fries'),
  cola: id<ItemId>('item-cola'),
  lemonade: id<ItemId>('item-lemonade'),
  beer: id<ItemId>('item-beer'),
  brulee: id<ItemId>('item-creme-brulee'),
  sweets: id<ItemId>('item-pick-n-mix'),
  doneness: id<ModifierGroupId>('grp-doneness'),
  extras: id<ModifierGroupId>('grp-extras'),
  size: id<ModifierGroupId>('grp-size'),
  rare: id<ModifierOptionId>('opt-rare'),
  medium: id<ModifierOptionId>('opt-medium'),
  wellDone: id<ModifierOptionId>('opt-well-done'),
  bacon: id<ModifierOptionId>('opt-bacon'),
  cheese: id<ModifierOptionId>('opt-cheese'),
  jalapenos: id<ModifierOptionId>('opt-jalapenos'),
  small: id<ModifierOptionId>('opt-small'),
  regular: id<ModifierOptionId>('opt-regular'),
  large: id<ModifierOptionId>('opt-large'),
  chickenSandwich: id<ItemId>('item-chicken-sandwich'),
  burgerMeal: id<ItemId>('item-burger-meal'),
  breakfastMuffin: id<ItemId>('item-breakfast-muffin'),
  addSide: id<ModifierGroupId>('grp-add-side'),
  dressing: id<ModifierGroupId>('grp-dressing'),
  sideSalad: id<ModifierOptionId>('opt-side-salad'),
  onionRings: id<ModifierOptionId>('opt-onion-rings'),
  ranch: id<ModifierOptionId>('opt-ranch'),
  vinaigrette: id<ModifierOptionId>('opt-vinaigrette'),
  mealMain: id<ComboSlotId>('slot-main'),
  mealSide: id<ComboSlotId>('slot-side'),
  mealDrink: id<ComboSlotId>('slot-drink'),
  breakfast: id<DaypartId>('dp-breakfast'),
} as const;

export const demoMenu: Menu = {
  currency: 'USD',
  taxInclusive: false,
  taxRates: [
    { id: DEMO.taxFood, name: 'Food tax', rateBps: 500 },
    { id: DEMO.taxStandard, name: 'Sales tax', rateBps: 875 },
  ],
  stations: [
    { id: DEMO.grill, name: 'Grill' },
    { id: DEMO.fry, name: 'Fry' },
    { id: DEMO.drinks, name: 'Drinks' },
  ],
  categories: [
    { id: id<CategoryId>('cat-burgers'), name: 'Burgers', sortOrder: 1 },
    { id: id<CategoryId>('cat-sides'), name: 'Sides', sortOrder: 2 },
    { id: id<CategoryId>('cat-drinks'), name: 'Drinks', sortOrder: 3 },
    { id: id<CategoryId>('cat-desserts'), name: 'Desserts', sortOrder: 4 },
    { id: id<CategoryId>('cat-meals'), name: 'Meals', sortOrder: 5 },
    { id: id<CategoryId>('cat-breakfast'), name: 'Breakfast', sortOrder: 6 },
  ],
  dayparts: [{ id: DEMO.breakfast, name: 'Breakfast', start: '06:00', end: '11:00' }],
  modifierGroups: [
    {
      id: DEMO.doneness, name: 'Doneness', min: 1, max: 1,
      options: [
        { id: DEMO.rare, name: 'Rare', priceDelta: cents(0) },
        { id: DEMO.medium, name: 'Medium', priceDelta: cents(0), isDefault: true },
        { id: DEMO.wellDone, name: 'Well done', priceDelta: cents(0) },
      ],
    },
    {
      id: DEMO.extras, name: 'Extras', min: 0, max: 3,
      options: [
        { id: DEMO.bacon, name: 'Bacon', priceDelta: cents(150) },
        { id: DEMO.cheese, name: 'Cheese', priceDelta: cents(100) },
        { id: DEMO.jalapenos, name: 'Jalapeños', priceDelta: cents(75) },
      ],
    },
    {
      id: DEMO.size, name: 'Size', min: 1, max: 1, kind: 'variant',
      options: [
        { id: DEMO.small, name: 'Small', priceDelta: cents(0) },
        { id: DEMO.regular, name: 'Regular', priceDelta: cents(50), isDefault: true },
        { id: DEMO.large, name: 'Large', priceDelta: cents(100) },
      ],
    },
    {
      id: DEMO.addSide, name: 'Add a side', min: 0, max: 1,
      options: [
        { id: DEMO.sideSalad, name: 'Side salad', priceDelta: cents(250), childGroupIds: [DEMO.dressing] },
        { id: DEMO.onionRings, name: 'Onion rings', priceDelta: cents(300) },
      ],
    },
    {
      id: DEMO.dressing, name: 'Dressing', min: 1, max: 1,
      options: [
        { id: DEMO.ranch, name: 'Ranch', priceDelta: cents(0) },
        { id: DEMO.vinaigrette, name: 'Vinaigrette', priceDelta: cents(0), isDefault: true },
      ],
    },
  ],
  items: [
    { id: DEMO.burger, categoryId: id<CategoryId>('cat-burgers'), name: 'Classic Burger', description: 'Beef patty, lettuce, tomato, house sauce', price: cents(1095), taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [DEMO.doneness, DEMO.extras], sortOrder: 1, active: true, barcode: '2000000000015' },
    { id: DEMO.cheeseburger, categoryId: id<CategoryId>('cat-burgers'), name: 'Double Cheeseburger', description: 'Two patties, two slices of cheddar', price: cents(1395), taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [DEMO.doneness, DEMO.extras], sortOrder: 2, active: true },
    { id: DEMO.fries, categoryId: id<CategoryId>('cat-sides'), name: 'Fries', description: 'Skin-on, sea salt', price: cents(395), taxRateIds: [DEMO.taxFood], stationId: DEMO.fry, modifierGroupIds: [DEMO.size], sortOrder: 1, active: true, barcode: '2000000000022', dietaryTags: ['vegan'] },
    { id: DEMO.cola, categoryId: id<CategoryId>('cat-drinks'), name: 'Cola', description: 'Fountain cola', price: cents(250), taxRateIds: [DEMO.taxStandard], stationId: DEMO.drinks, modifierGroupIds: [DEMO.size], sortOrder: 1, active: true, barcode: '5000112637922' },
    { id: DEMO.lemonade, categoryId: id<CategoryId>('cat-drinks'), name: 'Lemonade', description: 'Fresh-squeezed', price: cents(325), taxRateIds: [DEMO.taxStandard], stationId: DEMO.drinks, modifierGroupIds: [DEMO.size], sortOrder: 2, active: true, dietaryTags: ['vegan'] },
    { id: DEMO.beer, categoryId: id<CategoryId>('cat-drinks'), name: 'Draft Beer', description: 'Local lager, 16 oz', price: cents(650), taxRateIds: [DEMO.taxStandard], stationId: DEMO.drinks, modifierGroupIds: [], sortOrder: 3, active: true, allergens: ['gluten'] },
    { id: DEMO.brulee, categoryId: id<CategoryId>('cat-desserts'), name: 'Crème brûlée', description: 'Vanilla custard, burnt sugar', price: cents(695), taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [], sortOrder: 1, active: true, allergens: ['milk', 'egg'], dietaryTags: ['vegetarian'] },
    { id: DEMO.sweets, categoryId: id<CategoryId>('cat-desserts'), name: "Pick 'n' mix", description: 'Sweets by weight, priced per kg', price: cents(1990), taxRateIds: [DEMO.taxFood], stationId: DEMO.drinks, modifierGroupIds: [], sortOrder: 2, active: true, soldByWeight: true, barcode: '2000000000039' },
    { id: DEMO.chickenSandwich, categoryId: id<CategoryId>('cat-burgers'), name: 'Crispy Chicken Sandwich', description: 'Buttermilk chicken, pickles, slaw', price: cents(1195), taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [DEMO.addSide], sortOrder: 3, active: true, allergens: ['gluten', 'egg', 'milk'] },
    {
      id: DEMO.burgerMeal, categoryId: id<CategoryId>('cat-meals'), name: 'Burger Meal', description: 'A burger, a side and a drink', price: cents(1395),
      channelPrices: { online: cents(1495) }, taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [], sortOrder: 1, active: true,
      combo: {
        slots: [
          { id: DEMO.mealMain, name: 'Main', defaultItemId: DEMO.burger, choices: [{ itemId: DEMO.burger, upcharge: cents(0) }, { itemId: DEMO.cheeseburger, upcharge: cents(300) }, { itemId: DEMO.chickenSandwich, upcharge: cents(100) }] },
          { id: DEMO.mealSide, name: 'Side', defaultItemId: DEMO.fries, choices: [{ itemId: DEMO.fries, upcharge: cents(0) }] },
          { id: DEMO.mealDrink, name: 'Drink', defaultItemId: DEMO.cola, choices: [{ itemId: DEMO.cola, upcharge: cents(0) }, { itemId: DEMO.lemonade, upcharge: cents(50) }] },
        ],
      },
    },
    { id: DEMO.breakfastMuffin, categoryId: id<CategoryId>('cat-breakfast'), name: 'Egg & Cheese Muffin', description: 'Free-range egg, cheddar, toasted muffin', price: cents(595), taxRateIds: [DEMO.taxFood], stationId: DEMO.grill, modifierGroupIds: [], sortOrder: 1, active: true, daypartIds: [DEMO.breakfast], allergens: ['egg', 'milk', 'gluten'], dietaryTags: ['vegetarian'] },
  ],
};

/** Demo staff; PINs are printed by `npm start` and listed in the README. */
export const demoStaff = [
  { id: '0190a000-0000-7000-8000-000000000001', name: 'Casey Cashier', role: 'cashier', pin: '1111' },
  { id: '0190a000-0000-7000-8000-000000000002', name: 'Morgan Manager', role: 'manager', pin: '9999' },
] as const;
