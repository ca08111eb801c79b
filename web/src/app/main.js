import '../common/style.css';
