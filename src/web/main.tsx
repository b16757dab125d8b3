import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>五微五联基层治理平台</p>);
