/**
 * The English texts of the territory feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'territory.shortcut': 'Browse the territory tree and grid codes',
  'menu.territory': 'Territory',

  'level.county': 'County',
  'level.street': 'Street',
  'level.community': 'Community',
  'level.grid': 'Grid',

  'territory.title': 'Territory',
  'territory.subtitle': 'County — street — community — grid, coded after GB/T 2260 and CJ/T 349',
  'territory.searchPlaceholder': 'Search by name or code',
  'territory.noMatch': 'No matching territory',
  'territory.empty': 'No territory yet',
  'territory.selectHint': 'Select a node in the tree',
  'territory.name': 'Name',
  'territory.code': 'Code',
  'territory.level': 'Level',
  'territory.sequence': 'Sequence',
  'territory.sequenceOptional': 'Sequence (optional)',
  'territory.boundary': 'Boundary',
  'territory.boundarySet': 'Drawn',
  'territory.boundaryUnset': 'Not drawn',
  'territory.streets': 'Streets',
  'territory.communities': 'Communities',
  'territory.grids': 'Grids',
  'territory.childrenOf': 'Under {name} ({count})',
  'territory.noChildren': 'No child nodes',
  'territory.addChild': 'Add {level}',
  'territory.rename': 'Rename',
  'territory.renameTitle': 'Rename “{name}”',
  'territory.addTitle': 'Add a {level} under “{parent}”',
  'territory.nameRequired': 'Enter a name',
  'territory.sequenceHint':
    'Leave empty for the next free number; it forms the last three digits of the code',
  'territory.created': 'Added “{name}”',
  'territory.renamed': 'Renamed to “{name}”',
  'territory.nodeCounts.county': '{streets} streets · {communities} communities · {grids} grids',
  'territory.nodeCounts.street': '{communities} communities · {grids} grids',
  'territory.nodeCounts.community': '{grids} grids',
  'territory.matches': '{count} matching nodes',
  'territory.factSheet': 'Fact sheet',
};
