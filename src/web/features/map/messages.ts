import { defineMessages } from '../../app/define-feature.ts';

/** Texts of the map feature in both languages; keys are global, so they keep their prefixes. */
export const messages = defineMessages({
  'zh-CN': {
    'menu.map': '地图',

    'map.title': '地图',
    'map.subtitle': '区域边界、楼栋分布与重点人群分布；点击区域查看数据和一口清',
    'map.place': '选择区域',
    'map.showGrids': '显示全部网格',
    'map.keyLayer': '重点人群分布',
    'map.factSheetOf': '{name} 一口清',
    'map.factSheet': '查看一口清',
    'map.drillDown': '进入下级',
    'map.households': '查看住户',
    'map.legendTitle': '重点人群（人）',
    'map.legendRange': '{from} – {to}',
    'map.missingBoundaries': '{count} 个区域尚未绘制边界',
    'map.buildingsShown': '显示 {count} 栋楼',
    'map.buildingsCapped': '楼栋较多，仅显示 {shown} / {total} 栋',
    'map.buildingsHint': '选择社区或网格可显示楼栋',
    'map.noTiles': '未配置底图，仅显示边界',
    'map.tiles': '底图',
    'map.tilesTitle': '底图设置',
    'map.tilesHint':
      '默认不加载在线底图，地图在内网和离线环境下也可使用。如需底图，请填写瓦片服务地址（需管理员在服务器的 WUWEI_MAP_TILE_ORIGINS 中放行该地址）；留空则不使用底图。此设置仅保存在本浏览器。',
    'map.tilesUrl': '瓦片地址',
    'map.tilesInvalid': '地址须以 http(s):// 开头，并包含 {z}、{x}、{y}',
  },
  'en-US': {
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
    'map.tiles': 'Base map',
    'map.tilesTitle': 'Base map',
    'map.tilesHint':
      'By default no online base map is loaded, so the map works offline and inside closed networks. To use one, enter a tile URL (an administrator must allow its host in the server’s WUWEI_MAP_TILE_ORIGINS); leave it empty for none. The setting is kept in this browser only.',
    'map.tilesUrl': 'Tile URL',
    'map.tilesInvalid': 'The URL must start with http(s):// and contain {z}, {x} and {y}',
  },
});
