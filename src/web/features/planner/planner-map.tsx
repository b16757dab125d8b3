import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '../map/map.css';
import { useEffect, useMemo, useRef } from 'react';
import { boxFits, labelPointOfParts, type Rings } from '../map/label-point.ts';
import type { GridPolygons } from './api.ts';

/** A building drawn on the planner's map: a point in its grid's colour. */
export type PlanPoint = { id: string; lng: number; lat: number; colour: string; title: string };

/** A grid drawn: its polygon, fill colour and label. */
export type PlanArea = { grid: string; label: string; colour: string; highlight?: boolean };

/** A line drawn over the grids (barriers): its points [lng, lat]. */
export type PlanLine = { id: string; points: [number, number][]; kind: string; selected?: boolean };

/**
 * Keeps maps showing the same view: each registers its map; a user's pan or zoom on one moves the others, with no
 * echo back.
 */
export class MapSync {
  private maps = new Set<L.Map>();
  private moving = false;
  add(map: L.Map) {
    this.maps.add(map);
    const follow = () => {
      if (this.moving) return;
      this.moving = true;
      for (const other of this.maps) {
        if (other !== map) other.setView(map.getCenter(), map.getZoom(), { animate: false });
      }
      this.moving = false;
    };
    map.on('move', follow);
    return () => {
      map.off('move', follow);
      this.maps.delete(map);
    };
  }
}

const LINE_COLOUR: Record<string, string> = { road: '#5b5b5b', river: '#1677c8', rail: '#222222' };
const LABEL_HEIGHT = 16;
const FALLBACK_VIEW: L.LatLngExpression = [35.1, 118.3];

let measure: CanvasRenderingContext2D | null | undefined;
function labelWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 11 + 8;
  measure.font = '11px sans-serif';
  return Math.ceil(measure.measureText(text).width) + 8;
}

function labelPlace(geometry: GridPolygons['features'][number]['geometry']) {
  const parts: Rings[] = geometry.coordinates.map((polygon) =>
    polygon.map((ring) =>
      ring.map(([lng, lat]) => {
        const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lng), 0);
        return [p.x, p.y] as [number, number];
      }),
    ),
  );
  const { point, distance } = labelPointOfParts(parts);
  return { at: L.CRS.EPSG3857.pointToLatLng(L.point(point[0], point[1]), 0), radius: distance };
}

/**
 * The planner's Leaflet map: grids as coloured polygons with their labels inside (shown where they fit), buildings
 * as points in their grid's colour (markers one can drag onto another grid when `onDrop` is given), barrier lines,
 * and a drawing mode (click to add points, double-click to finish). Maps given the same `sync` move together.
 */
export function PlannerMap({
  polygons,
  areas,
  points,
  lines,
  selectedIds,
  onSelect,
  onDrop,
  drawing,
  onDrawn,
  sync,
  height,
  label,
  texts,
  testId,
}: {
  polygons: GridPolygons | null;
  areas: PlanArea[];
  points: PlanPoint[];
  lines: PlanLine[];
  /** The selected buildings (outlined; several when the page selects several at once). */
  selectedIds?: readonly string[];
  /** A building clicked; `adding` when Shift, Ctrl or ⌘ was held (a selection of several). */
  onSelect?: (id: string, adding: boolean) => void;
  /** Given: the points are markers one can drag; called with where one was dropped. */
  onDrop?: (id: string, at: [number, number]) => void;
  drawing?: boolean;
  onDrawn?: (points: [number, number][]) => void;
  sync?: MapSync;
  height: number;
  /** The map's accessible name. */
  label: string;
  texts: { zoomIn: string; zoomOut: string };
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const fitted = useRef(false);
  const callbacks = useRef({ onSelect, onDrop, onDrawn });
  useEffect(() => {
    callbacks.current = { onSelect, onDrop, onDrawn };
  });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const map = L.map(element, { zoomSnap: 0.25, zoomControl: false });
    map.attributionControl.setPrefix(false);
    map.setView(FALLBACK_VIEW, 12);
    L.control.scale({ metric: true, imperial: false, position: 'bottomleft' }).addTo(map);
    element.setAttribute('role', 'region');
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      fitted.current = false;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getContainer().setAttribute('aria-label', label);
    const zoom = L.control
      .zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut, position: 'topleft' })
      .addTo(map);
    return () => {
      zoom.remove();
    };
  }, [label, texts.zoomIn, texts.zoomOut]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !sync) return;
    return sync.add(map);
  }, [sync]);

  // Grids: fills and outlines, below everything else.
  const byGrid = useMemo(() => new Map(areas.map((a) => [a.grid, a])), [areas]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !polygons) return;
    const group = L.featureGroup().addTo(map);
    for (const feature of polygons.features) {
      const area = byGrid.get(feature.properties.grid);
      L.geoJSON(feature, {
        style: {
          color: area?.highlight ? '#c8161d' : '#38424f',
          weight: area?.highlight ? 3 : 1.2,
          fillColor: area?.colour ?? '#8c9bab',
          fillOpacity: 0.32,
          className: 'ww-plan-grid',
        },
        interactive: false,
      }).addTo(group);
    }
    group.bringToBack();
    if (!fitted.current) {
      const bounds = group.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16] });
        fitted.current = true;
      }
    }
    return () => {
      group.remove();
    };
  }, [polygons, byGrid]);

  // Labels at each grid's pole of inaccessibility, where they fit inside it; kept while only colours change.
  const labelKey = areas.map((a) => `${a.grid}\u0000${a.label}`).join('\u0001');
  const labelOf = useMemo(
    () =>
      new Map(
        labelKey
          .split('\u0001')
          .filter(Boolean)
          .map((entry) => entry.split('\u0000') as [string, string]),
      ),
    [labelKey],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !polygons) return;
    const group = L.layerGroup().addTo(map);
    const labels = polygons.features.map((feature) => {
      const text = labelOf.get(feature.properties.grid) ?? feature.properties.grid;
      const { at, radius } = labelPlace(feature.geometry);
      const width = labelWidth(text);
      const span = document.createElement('span');
      span.textContent = text;
      const marker = L.marker(at, {
        icon: L.divIcon({
          html: span,
          className: 'ww-map-label',
          iconSize: [width, LABEL_HEIGHT],
          iconAnchor: [width / 2, LABEL_HEIGHT / 2],
        }),
        interactive: false,
        keyboard: false,
      });
      return { marker, width, radius };
    });
    const place = () => {
      const scale = 2 ** map.getZoom();
      for (const l of labels) {
        const fits = boxFits(l.width, LABEL_HEIGHT, l.radius * scale);
        if (fits && !group.hasLayer(l.marker)) group.addLayer(l.marker);
        if (!fits && group.hasLayer(l.marker)) group.removeLayer(l.marker);
      }
    };
    place();
    map.on('zoomend', place);
    return () => {
      map.off('zoomend', place);
      group.remove();
    };
  }, [polygons, labelOf]);

  // Barrier lines.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.layerGroup().addTo(map);
    for (const line of lines) {
      L.polyline(
        line.points.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        {
          color: line.selected ? '#c8161d' : (LINE_COLOUR[line.kind] ?? '#444'),
          weight: line.selected ? 6 : line.kind === 'road' ? 5 : 4,
          dashArray: line.kind === 'rail' ? '10 6' : undefined,
          opacity: 0.85,
          interactive: false,
          className: `ww-plan-line ww-plan-line-${line.kind}`,
        },
      ).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [lines]);

  // Buildings: draggable markers when editing, circles otherwise (and for large places).
  const draggable = Boolean(onDrop);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    const chosen = new Set(selectedIds);
    for (const p of points) {
      const selected = chosen.has(p.id);
      if (draggable) {
        const marker = L.marker([p.lat, p.lng], {
          draggable: true,
          keyboard: false,
          title: p.title,
          icon: L.divIcon({
            html: '',
            className: `ww-plan-b ww-plan-b-${p.id}${selected ? ' ww-plan-b-selected' : ''}`,
            iconSize: selected ? [16, 16] : [12, 12],
          }),
        });
        const element = () => marker.getElement();
        marker.on('add', () => {
          const el = element();
          if (el) el.style.background = p.colour;
        });
        marker.on('click', (e) => callbacks.current.onSelect?.(p.id, adding(e)));
        marker.on('dragend', () => {
          const at = marker.getLatLng();
          marker.setLatLng([p.lat, p.lng]);
          callbacks.current.onDrop?.(p.id, [at.lng, at.lat]);
        });
        marker.addTo(group);
      } else {
        L.circleMarker([p.lat, p.lng], {
          radius: selected ? 7 : 4,
          color: selected ? '#c8161d' : '#1d2733',
          weight: selected ? 2.5 : 1,
          fillColor: p.colour,
          fillOpacity: 0.95,
          className: `ww-plan-point ww-plan-b-${p.id}`,
        })
          .bindTooltip(p.title)
          .on('click', (e) => callbacks.current.onSelect?.(p.id, adding(e)))
          .addTo(group);
      }
    }
    if (!fitted.current && points.length > 0) {
      const bounds = group.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16] });
        fitted.current = true;
      }
    }
    return () => {
      group.remove();
    };
  }, [points, selectedIds, draggable]);

  // Drawing a line: a click adds a point, a double click ends the line.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !drawing) return;
    const drawn: L.LatLng[] = [];
    const draft = L.polyline([], { color: '#c8161d', weight: 4, dashArray: '6 4' }).addTo(map);
    map.doubleClickZoom.disable();
    map.getContainer().classList.add('ww-plan-drawing');
    const click = (e: L.LeafletMouseEvent) => {
      drawn.push(e.latlng);
      draft.setLatLngs(drawn);
    };
    const finish = () => {
      // The double click's two clicks each added a point at the same place; keep one.
      const points: [number, number][] = [];
      for (const p of drawn) {
        const last = points[points.length - 1];
        const here: [number, number] = [round6(p.lng), round6(p.lat)];
        if (!last || last[0] !== here[0] || last[1] !== here[1]) points.push(here);
      }
      if (points.length >= 2) callbacks.current.onDrawn?.(points);
      drawn.length = 0;
      draft.setLatLngs([]);
    };
    map.on('click', click);
    map.on('dblclick', finish);
    return () => {
      map.off('click', click);
      map.off('dblclick', finish);
      draft.remove();
      map.doubleClickZoom.enable();
      map.getContainer().classList.remove('ww-plan-drawing');
    };
  }, [drawing]);

  return <div ref={box} className="ww-map ww-plan-map" style={{ height }} data-testid={testId} />;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Whether a click adds to the selection: Shift, Ctrl or ⌘ held. */
function adding(e: L.LeafletMouseEvent): boolean {
  const m = e.originalEvent;
  return Boolean(m && (m.shiftKey || m.ctrlKey || m.metaKey));
}
