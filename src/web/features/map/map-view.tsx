import type { Feature } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { BaseLayer, BaseLine, Geometry } from './api.ts';
import { boxFits, labelPointOfParts, type Rings } from './label-point.ts';

export type MapArea = {
  id: string;
  name: string;
  level: string;
  boundary: Geometry | null;
  /** Fill colour (choropleth or level colour). */
  fill: string;
  fillOpacity: number;
};

/** A building with coordinates, drawn as a point. */
export type BuildingPoint = { id: string; lng: number; lat: number };

const OUTLINE = '#c8161d';
const AREA_LINE = '#1f56c3';

/** Where the county sits when nothing has a boundary yet. */
/** Offline base lines: thin grey roads, a blue river. */
const BASE_LINE_STYLE: Record<BaseLine['kind'], L.PolylineOptions> = {
  river: { color: '#7fb8e6', weight: 6, opacity: 0.9, className: 'ww-base-river' },
  main_road: { color: '#b8b8b8', weight: 3, opacity: 0.9, className: 'ww-base-road' },
  side_street: { color: '#d4d4d4', weight: 1.5, opacity: 0.9, className: 'ww-base-street' },
};

const FALLBACK_VIEW: L.LatLngExpression = [35.1, 118.3];

function geoJson(geometry: Geometry): Feature {
  return { type: 'Feature', properties: {}, geometry };
}

/** Label boxes: the text's width at the label's font plus its padding, and one line's height. */
const LABEL_FONT = '11px sans-serif';
const LABEL_PAD = 8;
const LABEL_HEIGHT = 16;
let measure: CanvasRenderingContext2D | null | undefined;
function labelWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 11 + LABEL_PAD;
  measure.font = LABEL_FONT;
  return Math.ceil(measure.measureText(text).width) + LABEL_PAD;
}

/**
 * Where an area's label goes and how much room it has: the pole of inaccessibility of its boundary in Web Mercator
 * pixels at zoom 0 (so the room at zoom z is `radius × 2^z` pixels), back in degrees for the marker.
 */
function labelPlace(boundary: Geometry): { at: L.LatLng; radius: number } {
  const project = ([lng, lat]: number[]) => {
    const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat!, lng!), 0);
    return [p.x, p.y] as [number, number];
  };
  const parts: Rings[] = (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates).map(
    (polygon) => polygon.map((ring) => ring.map(project)),
  );
  const { point, distance } = labelPointOfParts(parts);
  return { at: L.CRS.EPSG3857.pointToLatLng(L.point(point[0], point[1]), 0), radius: distance };
}

/** The texts of the map's own controls, in the page's language. */
export type MapTexts = { map: string; zoomIn: string; zoomOut: string };

/**
 * The Leaflet map: the selected place's outline, its areas as clickable polygons (SVG paths) named by labels that
 * stay inside them (shown only at zooms where they fit), buildings as points, a metric scale bar, and the county's
 * base map's tile layers, if any. `renderAreaPopup` and `renderBuildingPopup` give the popups' React content; one
 * popup is open at a time.
 */
export function MapView({
  outline,
  areas,
  buildings,
  baseLayers,
  baseLines = [],
  renderAreaPopup,
  renderBuildingPopup,
  height,
  texts,
}: {
  outline: Geometry | null;
  areas: MapArea[];
  buildings: BuildingPoint[];
  /** The base map's tile layers, bottom to top; none draws the boundaries over a plain background. */
  baseLayers: BaseLayer[];
  /** The county's offline roads and rivers, drawn under the areas when there is no tile layer. */
  baseLines?: BaseLine[];
  renderAreaPopup: (id: string) => ReactNode;
  renderBuildingPopup: (id: string) => ReactNode;
  height: number | string;
  texts: MapTexts;
}) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const popupRef = useRef<L.Popup | null>(null);
  const [popupBox] = useState(() => document.createElement('div'));
  const [popup, setPopup] = useState<{ kind: 'area' | 'building'; id: string } | null>(null);

  // The map is created once; layers come and go below.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const map = L.map(element, { zoomSnap: 0.25, zoomControl: false, preferCanvas: false });
    map.attributionControl.setPrefix(false);
    map.setView(FALLBACK_VIEW, 12);
    L.control.scale({ metric: true, imperial: false, position: 'bottomleft' }).addTo(map);
    const popupLayer = L.popup({ maxWidth: 280, minWidth: 180, autoPanPadding: [16, 16] }).setContent(
      popupBox,
    );
    map.on('popupclose', () => setPopup(null));
    mapRef.current = map;
    popupRef.current = popupLayer;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element);
    // The popup was laid out before React filled it (or before its data came): fit it to its content.
    const content = new ResizeObserver(() => {
      if (popupLayer.isOpen()) popupLayer.update();
    });
    content.observe(popupBox);
    return () => {
      observer.disconnect();
      content.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, [popupBox]);

  // The zoom buttons and the map itself are named in the page's language.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = L.control
      .zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut, position: 'topleft' })
      .addTo(map);
    const element = map.getContainer();
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', texts.map);
    return () => {
      zoom.remove();
    };
  }, [texts.map, texts.zoomIn, texts.zoomOut]);

  // The base map's layers, keyed by their URLs so that a refetch with the same settings keeps the tiles.
  const layerKey = JSON.stringify(baseLayers);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const layers = (JSON.parse(layerKey) as BaseLayer[]).map((layer, i) =>
      L.tileLayer(layer.url, {
        subdomains: layer.subdomains,
        maxZoom: layer.maxZoom,
        attribution: layer.attribution,
        className: 'ww-map-tiles',
        zIndex: i + 1,
      }).addTo(map),
    );
    return () => {
      for (const layer of layers) layer.remove();
    };
  }, [layerKey]);

  // Without tile layers, the county's roads and rivers as thin lines in a pane of their own under the areas:
  // the map reads as a county offline. Not interactive (a click goes to the area beneath).
  const linesKey = baseLayers.length > 0 ? '[]' : JSON.stringify(baseLines);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const lines = JSON.parse(linesKey) as BaseLine[];
    if (lines.length === 0) return;
    const pane = map.getPane('ww-base-lines') ?? map.createPane('ww-base-lines');
    pane.style.zIndex = '350';
    pane.style.pointerEvents = 'none';
    const group = L.layerGroup().addTo(map);
    for (const { kind, line } of lines) {
      L.polyline(
        line.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        { pane: 'ww-base-lines', interactive: false, ...BASE_LINE_STYLE[kind] },
      ).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [linesKey]);

  const open = (kind: 'area' | 'building', id: string, at: L.LatLng) => {
    const map = mapRef.current;
    const layer = popupRef.current;
    if (!map || !layer) return;
    setPopup({ kind, id });
    layer.setLatLng(at).openOn(map);
  };
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    for (const area of areas) {
      if (!area.boundary) continue;
      const layer = L.geoJSON(geoJson(area.boundary), {
        style: {
          color: AREA_LINE,
          weight: 1.5,
          fillColor: area.fill,
          fillOpacity: area.fillOpacity,
          // The id in a class lets a test (or a stylesheet) find one area.
          className: `ww-map-area ww-map-area-${area.level} ww-map-a-${area.id}`,
        },
      });
      layer.on('click', (e: L.LeafletMouseEvent) => openRef.current('area', area.id, e.latlng));
      layer.bindTooltip(area.name, { sticky: true });
      layer.addTo(group);
    }
    // Redrawn areas (the key-population layer switched on) stay below the building points, which stay clickable.
    group.bringToBack();
    return () => {
      group.remove();
    };
  }, [areas]);

  // Each area's name at its pole of inaccessibility, shown at the zooms where its box fits in the area's largest
  // inscribed circle there, so that no label crosses its area's outline; the others are named on hover.
  // Keyed by the areas' names and boundaries: colours (the key-population layer) do not move labels.
  const labelKey = JSON.stringify(areas.map((a) => ({ id: a.id, name: a.name, boundary: a.boundary })));
  const labelled = useMemo(
    () => JSON.parse(labelKey) as Pick<MapArea, 'id' | 'name' | 'boundary'>[],
    [labelKey],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.layerGroup().addTo(map);
    const labels = labelled.flatMap((area) => {
      if (!area.boundary) return [];
      const { at, radius } = labelPlace(area.boundary);
      const width = labelWidth(area.name);
      const text = document.createElement('span');
      text.textContent = area.name;
      text.dataset.area = area.id;
      const marker = L.marker(at, {
        icon: L.divIcon({
          html: text,
          className: 'ww-map-label',
          iconSize: [width, LABEL_HEIGHT],
          iconAnchor: [width / 2, LABEL_HEIGHT / 2],
        }),
        interactive: false,
        keyboard: false,
      });
      return [{ marker, width, radius }];
    });
    const place = () => {
      const scale = 2 ** map.getZoom();
      for (const label of labels) {
        const fits = boxFits(label.width, LABEL_HEIGHT, label.radius * scale);
        if (fits && !group.hasLayer(label.marker)) group.addLayer(label.marker);
        if (!fits && group.hasLayer(label.marker)) group.removeLayer(label.marker);
      }
    };
    place();
    map.on('zoomend', place);
    return () => {
      map.off('zoomend', place);
      group.remove();
    };
  }, [labelled]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !outline) return;
    const layer = L.geoJSON(geoJson(outline), {
      style: { color: OUTLINE, weight: 3, fill: false, dashArray: '6 4', className: 'ww-map-outline' },
      interactive: false,
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
    return () => {
      layer.remove();
    };
  }, [outline]);

  // Without an outline of its own, the view follows the areas once they arrive.
  const areaBounds = useMemo(() => {
    const bounds = L.latLngBounds([]);
    for (const area of areas) if (area.boundary) bounds.extend(L.geoJSON(geoJson(area.boundary)).getBounds());
    return bounds.isValid() ? bounds.toBBoxString() : null;
  }, [areas]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || outline || !areaBounds) return;
    const [w, s, e, n] = areaBounds.split(',').map(Number) as [number, number, number, number];
    map.fitBounds([
      [s, w],
      [n, e],
    ]);
  }, [outline, areaBounds]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    for (const b of buildings) {
      L.circleMarker([b.lat, b.lng], {
        radius: 4,
        color: '#0f2744',
        weight: 1,
        fillColor: '#f6c453',
        fillOpacity: 0.95,
        className: `ww-map-building ww-map-b-${b.id}`,
      })
        .on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          openRef.current('building', b.id, e.latlng);
        })
        .addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [buildings]);

  const content = popup
    ? popup.kind === 'area'
      ? renderAreaPopup(popup.id)
      : renderBuildingPopup(popup.id)
    : null;

  return (
    <>
      <div ref={box} className="ww-map" style={{ height }} data-testid="map" />
      {createPortal(content, popupBox)}
    </>
  );
}
