/**
 * The English texts of the map feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'map.shortcut': 'Boundaries, buildings and key populations on a map',
  'menu.map': 'Map',

  'map.title': 'Map',
  'map.subtitle': 'Boundaries, buildings and where key populations live; click an area for its numbers',
  'map.place': 'Choose an area',
  'map.showGrids': 'Show all grids',
  'map.keyLayer': 'Key populations',
  'map.factSheetOf': 'Fact sheet of {name}',
  'map.factSheet': 'Fact sheet',
  'map.drillDown': 'Open',
  'map.households': 'Households',
  'map.legendTitle': 'Key population (people)',
  'map.legendRange': '{from} – {to}',
  'map.missingBoundaries': '{count} areas have no boundary yet',
  'map.buildingsShown': '{count} buildings shown',
  'map.buildingsCapped': 'Many buildings: {shown} of {total} shown',
  'map.buildingsHint': 'Choose a community or grid to show its buildings',
  'map.noTiles': 'No base map configured; boundaries only',
  'map.offlineLines': 'No tile base map configured; offline roads and rivers shown',
  'map.tilesIncomplete':
    'The base map is not fully configured (its key or tile URL is missing); boundaries only',
  'map.tilesSettings': 'Base map settings',
  'map.layers': 'Layers',
  'map.layersTitle': 'Layers and display',
  'map.region': 'Map of {name}',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.workers': 'Grid workers',
  'map.branch': 'Grid party branch',
  'map.secretary': 'Branch secretary',
  'map.leaders': 'Building leaders',
  'map.unitLeader': 'unit {unit}',
  'map.nobody': 'None',
  'map.loadingPeople': 'Reading who serves here…',
};
